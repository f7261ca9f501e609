using Newsroom.Cli;

return await NewsroomCommand.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
