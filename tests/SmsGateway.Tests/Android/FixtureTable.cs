namespace SmsGateway.Tests.Android;

/// <summary>
/// A fixture table keyed by case name. Theories take the name only, so every case shows (and can be
/// run) by its name, and the row itself can hold anything.
/// </summary>
internal static class FixtureTable
{
    public static TheoryData<string> Names<T>(IReadOnlyDictionary<string, T> table)
    {
        var names = new TheoryData<string>();
        foreach (var name in table.Keys)
        {
            names.Add(name);
        }
        return names;
    }
}
