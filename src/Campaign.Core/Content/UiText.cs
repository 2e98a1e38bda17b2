namespace Campaign.Core.Content;

/// <summary>The screen texts <c>content/ui.yaml</c> must define for the web chat page.</summary>
public static class UiText
{
    public const string Title = "title";
    public const string Subtitle = "subtitle";
    public const string Placeholder = "placeholder";
    public const string Send = "send";
    public const string Menu = "menu";
    public const string Error = "error";
    public const string Privacy = "privacy";

    public static readonly string[] WebChatKeys = [Title, Subtitle, Placeholder, Send, Menu, Error, Privacy];
}
