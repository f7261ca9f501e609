namespace Newsroom.Cli.Training;

/// <summary>
/// k-means on unit vectors by cosine (Dhillon and Modha 2001): each point joins the centroid it is most
/// like, and each centroid becomes its members' weighted mean scaled to unit length. Starts from a seeded
/// sample of the points and assigns them in parallel but sums in a fixed order, so a run is reproducible.
/// </summary>
internal static class SphericalKMeans
{
    /// <summary>The cluster of each point and each cluster's unit centroid (row-major).</summary>
    public static (int[] Assignment, float[] Centroids) Run(
        float[] points, float[] weights, int dimensions, int clusters, int iterations, int seed, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var count = weights.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clusters, count);
        var centroids = new float[clusters * dimensions];
        var starts = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(starts);
        for (var c = 0; c < clusters; c++)
        {
            Row(points, starts[c], dimensions).CopyTo(centroids.AsSpan(c * dimensions, dimensions));
        }

        var assignment = new int[count];
        var similarity = new float[count];
        for (var iteration = 1; iteration <= iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var moved = Assign(points, centroids, dimensions, clusters, assignment, similarity, cancellationToken);
            Update(points, weights, dimensions, clusters, assignment, similarity, centroids);
            progress?.Invoke(iteration, moved);
            if (moved * 1000 < count)
            {
                break;
            }
        }

        Assign(points, centroids, dimensions, clusters, assignment, similarity, cancellationToken);
        return (assignment, centroids);
    }

    private static int Assign(float[] points, float[] centroids, int dimensions, int clusters, int[] assignment, float[] similarity, CancellationToken cancellationToken)
    {
        var moved = 0;
        Parallel.For(0, assignment.Length, new ParallelOptions { CancellationToken = cancellationToken }, () => 0, (p, _, local) =>
        {
            var point = Row(points, p, dimensions);
            var best = 0;
            var bestSimilarity = float.NegativeInfinity;
            for (var c = 0; c < clusters; c++)
            {
                var s = VectorMath.Dot(point, Row(centroids, c, dimensions));
                if (s > bestSimilarity)
                {
                    best = c;
                    bestSimilarity = s;
                }
            }

            similarity[p] = bestSimilarity;
            if (assignment[p] != best)
            {
                assignment[p] = best;
                local++;
            }

            return local;
        }, local => Interlocked.Add(ref moved, local));
        return moved;
    }

    /// <summary>New centroids; a cluster left empty restarts at the point least like its own centroid.</summary>
    private static void Update(float[] points, float[] weights, int dimensions, int clusters, int[] assignment, float[] similarity, float[] centroids)
    {
        Array.Clear(centroids);
        var sizes = new int[clusters];
        for (var p = 0; p < assignment.Length; p++)
        {
            var centroid = centroids.AsSpan(assignment[p] * dimensions, dimensions);
            var point = Row(points, p, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                centroid[d] += weights[p] * point[d];
            }

            sizes[assignment[p]]++;
        }

        using var outliers = Enumerable.Range(0, assignment.Length).OrderBy(p => similarity[p]).ThenBy(p => p).GetEnumerator();
        for (var c = 0; c < clusters; c++)
        {
            var centroid = centroids.AsSpan(c * dimensions, dimensions);
            if (sizes[c] == 0 && outliers.MoveNext())
            {
                Row(points, outliers.Current, dimensions).CopyTo(centroid);
                continue;
            }

            var norm = MathF.Sqrt(VectorMath.Dot(centroid, centroid));
            if (norm > 0)
            {
                foreach (ref var v in centroid)
                {
                    v /= norm;
                }
            }
        }
    }

    private static ReadOnlySpan<float> Row(float[] values, int row, int dimensions) => values.AsSpan(row * dimensions, dimensions);
}
