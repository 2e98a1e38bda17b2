using Xunit;

namespace Campaign.TestSupport;

/// <summary>
/// Waits for something asynchronous (a dispatcher's send, a receipt) by polling, failing the test with
/// a description after a generous deadline. Never a timing assertion: the deadline only stops a hang.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds, and returns that value.</summary>
    /// <param name="probe">Reads the current state.</param>
    /// <param name="done">Whether it is there yet.</param>
    /// <param name="describe">What was expected and what was seen, for the failure message.</param>
    /// <param name="within">A longer deadline than <see cref="Deadline"/>, for work that takes real processes a while.</param>
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Func<T, string> describe, TimeSpan? within = null)
    {
        var limit = within ?? Deadline;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within {limit.TotalSeconds:0} s: {describe(value)}");
            }
            await Task.Delay(50);
        }
    }

    public static Task<T> GetAsync<T>(Func<T> probe, Func<T, bool> done, Func<T, string> describe) =>
        GetAsync(() => Task.FromResult(probe()), done, describe);
}
