namespace Campaign.Core.Subscribers;

/// <summary>
/// Lowercase base 36 for the times and theme codes of packed subscriber records: unix seconds of
/// this century take 6 characters instead of 10, and Lua reads them back with <c>tonumber(x, 36)</c>.
/// </summary>
public static class Base36
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string Encode(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Span<char> buffer = stackalloc char[13];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[i..]);
    }

    /// <summary>Parses ASCII base 36 (either case); false for an empty span, another character or an overflow.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> ascii, out long value)
    {
        value = 0;
        if (ascii.IsEmpty || ascii.Length > 13)
        {
            return false;
        }
        foreach (var b in ascii)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'z' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'Z' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0 || value > (long.MaxValue - digit) / 36)
            {
                return false;
            }
            value = (value * 36) + digit;
        }
        return true;
    }
}
