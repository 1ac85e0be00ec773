namespace BuildCost.App;

/// <summary>
/// Code of the kind a model project also holds and edits often, reached by no model: the benchmark's
/// "unrelated edit" changes the warm-up length in <see cref="At"/>'s body, and its "declaration edit"
/// swaps the marker comment below for a new member.
/// </summary>
public static class LearningRateSchedule
{
    // (declaration edit)
    /// <summary>Linear warm-up, then cosine decay to zero over <paramref name="totalSteps"/>.</summary>
    public static double At(long step, long totalSteps, double peak)
    {
        long warmupSteps = 500;
        if (step < warmupSteps)
        {
            return peak * (step + 1) / warmupSteps;
        }
        double progress = (double)(step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps);
        return peak * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, progress)));
    }
}
