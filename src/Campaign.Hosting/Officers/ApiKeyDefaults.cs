namespace Campaign.Hosting.Officers;

/// <summary>Names of the officer API key scheme.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme, named by the <see cref="OfficerPolicies"/>.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The alternative to <c>Authorization: Bearer</c>, for tools that cannot set that header.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The realm in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "campaign";
}
