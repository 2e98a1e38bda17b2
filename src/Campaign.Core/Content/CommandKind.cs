namespace Campaign.Core.Content;

/// <summary>What a resident's command asks for.</summary>
public enum CommandKind
{
    Subscribe,
    OptOut,
    OptIn,
    Help,
    Menu,
}
