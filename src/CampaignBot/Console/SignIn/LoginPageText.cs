using System.Globalization;

namespace CampaignBot.Console.SignIn;

/// <summary>What the login page tells officers, in Vietnamese: plain, polite, and saying what to do next.</summary>
internal static class LoginPageText
{
    /// <summary>The same for an unknown username and a wrong password, so the page never tells who has an account.</summary>
    public const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra và thử lại.";

    public const string Missing = "Vui lòng nhập cả tên đăng nhập và mật khẩu.";

    public const string Disabled = "Tài khoản này đã bị tạm ngừng. Vui lòng liên hệ quản trị viên.";

    public const string Expired = "Trang đăng nhập đã hết hạn. Vui lòng nhập lại và bấm Đăng nhập.";

    public const string SignedOut = "Bạn đã đăng xuất.";

    public static string LockedOut(TimeSpan remaining)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes));
        return string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản tạm khóa vì đăng nhập sai nhiều lần. Vui lòng thử lại sau {minutes} phút.");
    }
}
