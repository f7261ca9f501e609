namespace Newsroom.Cli.Tests;

/// <summary>Articles written for these tests about fictional places, groups and events.</summary>
public static class SyntheticArticles
{
    public const string ConvoyText = """
        Harbor Ledger
        Home | Caldmoor | Region | Subscribe

        Veyra River Front suspends attacks on government convoys

        March 11, 2025 at 8:15 am

        The Veyra River Front, an armed group in northern Caldmoor, announced on Monday that it has suspended its attacks on government supply convoys, citing talks brokered by the Tessaly Council.

        "We declare a suspension of all operations against the convoys from today," spokesman Idris Talvane said in a recorded statement.

        Caldmoor's Interior Ministry said it would judge the group by its actions.

        © 2025 Harbor Ledger. All rights reserved.
        """;

    public const string WireBody = """
        PORT MARROW (Continental Wire) - Brannock Shipping Company said on Thursday it had halted all sailings from the port of Port Marrow after a fire damaged two of its cranes, stranding about 40 containers of fruit bound for the coast.

        The company said no one was injured and that engineers from the crane maker were expected on Saturday. Chief operating officer Lena Vohr said it was too early to say when loading could restart.

        Port Marrow handles about a third of the region's fruit exports, and traders warned that prices at the coastal markets would rise if the stoppage lasted more than a week.
        """;

    public static string WireCopy(string outlet, string published, string extraSentence) => $"""
        {outlet}
        News | Business | Sport

        Brannock Shipping halts sailings after crane fire

        {published}

        {WireBody}
        {extraSentence}

        Share this article
        © 2025 {outlet}
        """;

    public const string DockworkersText = """
        Northline Dispatch
        World | Business | Ports & Shipping

        Elsmere dockworkers demand pay rise, threaten to strike in August

        July 8, 2025

        The Elsmere Dockworkers' Guild on Monday demanded a 9 percent pay rise for its 3,000 members at the Port of Elsmere and said they would walk out in August if port operators refused.

        Guild secretary Nadia Fennick said wages had fallen far behind prices since the last agreement was signed in 2022.

        The Elsmere Port Authority said it had offered 4 percent and was ready to keep talking.

        © 2025 Northline Dispatch | Privacy | Terms
        """;

    /// <summary>
    /// Two outlets' first reports of one flood, phrased apart (a story each), and a third that reads as a rewrite of both
    /// and merges them, as replay inputs.
    /// </summary>
    public static readonly object[] FloodReports =
    [
        new
        {
            id = "flood",
            title = "Flash floods sweep through Valencia, forcing thousands from their homes",
            published = "2024-10-29T20:00:00Z",
            text = "Torrential rain caused flash floods across Valencia on Tuesday, sweeping away cars and forcing thousands of residents "
                + "from their homes. Spain's weather agency had issued its highest alert as a year's rain fell in eight hours.",
        },
        new
        {
            id = "army",
            title = "Soldiers deployed to Chiva as Pedro Sánchez promises help",
            published = "2024-10-30T02:00:00Z",
            text = "Hundreds of soldiers were deployed to Chiva and nearby towns, where the death toll rose overnight. Prime minister "
                + "Pedro Sánchez promised help to Spain's devastated east and declared three days of mourning.",
        },
        new
        {
            id = "bridge",
            title = "Valencia floods: soldiers deployed to Chiva as death toll rises",
            published = "2024-10-30T20:00:00Z",
            text = "Flash floods swept through Valencia after torrential rain, forcing thousands of residents from their homes. Soldiers were "
                + "deployed to Chiva, where the death toll rose overnight, and Pedro Sánchez promised help to Spain's devastated east.",
        },
    ];
}
