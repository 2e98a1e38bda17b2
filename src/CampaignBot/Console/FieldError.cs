namespace CampaignBot.Console;

/// <summary>One entry of a 400's <c>errors</c> list: the field as the request's JSON names it, and what to fix.</summary>
public sealed record FieldError(string Field, string Message);
