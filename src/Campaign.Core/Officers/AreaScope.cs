using System.Diagnostics.CodeAnalysis;

namespace Campaign.Core.Officers;

/// <summary>
/// The areas an officer works in: area codes (a province covers its communes and hamlets), or
/// <see cref="Everywhere"/>. Codes are kept upper-case, distinct and sorted so two scopes with the
/// same areas are equal and print the same.
/// </summary>
public sealed class AreaScope : IEquatable<AreaScope>
{
    /// <summary>The scope of a national admin: every area.</summary>
    public const string Everywhere = "*";

    private const int MaxCodeLength = 32;
    private const int MaxCodes = 200;

    private AreaScope(IReadOnlyList<string> codes) => Codes = codes;

    /// <summary>The scope's area codes, or just "*".</summary>
    public IReadOnlyList<string> Codes { get; }

    public bool IsEverywhere => Codes is [Everywhere];

    public static AreaScope All { get; } = new([Everywhere]);

    /// <summary>
    /// True when <paramref name="areaCode"/> is one of the scope's areas or lies inside one.
    /// </summary>
    /// <param name="isWithin">(code, ancestor) → whether code is ancestor or inside it; the areas tree decides.</param>
    public bool Covers(string? areaCode, Func<string, string, bool> isWithin)
    {
        ArgumentNullException.ThrowIfNull(isWithin);
        if (string.IsNullOrWhiteSpace(areaCode))
        {
            return false;
        }
        if (IsEverywhere)
        {
            return true;
        }
        var code = areaCode.Trim();
        foreach (var ancestor in Codes)
        {
            if (isWithin(code, ancestor))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when every code is covered (and there is at least one): what targeting needs.</summary>
    public bool CoversAll(IEnumerable<string> areaCodes, Func<string, string, bool> isWithin)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        var any = false;
        foreach (var code in areaCodes)
        {
            if (!Covers(code, isWithin))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    /// <summary>Reads "D0101,D0102" or "*"; the error names the bad part.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AreaScope? scope, [NotNullWhen(false)] out string? error) =>
        TryCreate((text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), out scope, out error);

    public static AreaScope Parse(string text) =>
        TryParse(text, out var scope, out var error) ? scope : throw new FormatException(error);

    public static bool TryCreate(IEnumerable<string> codes, [NotNullWhen(true)] out AreaScope? scope, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(codes);
        scope = null;
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in codes)
        {
            var code = (raw ?? "").Trim().ToUpperInvariant();
            if (code.Length == 0)
            {
                continue;
            }
            if (code != Everywhere && !IsCode(code))
            {
                error = $"'{Shorten(code)}' is not an area code (letters, digits, '-' or '_', at most {MaxCodeLength})";
                return false;
            }
            set.Add(code);
        }
        if (set.Count == 0)
        {
            error = "at least one area code is needed (or * for every area)";
            return false;
        }
        if (set.Contains(Everywhere) && set.Count > 1)
        {
            error = "* already means every area: give it alone";
            return false;
        }
        if (set.Count > MaxCodes)
        {
            error = $"at most {MaxCodes} area codes";
            return false;
        }
        scope = new AreaScope([.. set]);
        error = null;
        return true;
    }

    private static bool IsCode(string code) =>
        code.Length <= MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public override string ToString() => string.Join(',', Codes);

    public bool Equals(AreaScope? other) => other is not null && Codes.SequenceEqual(other.Codes, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AreaScope);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
