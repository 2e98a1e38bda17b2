using Microsoft.AspNetCore.Http;

namespace Campaign.Hosting.Officers;

/// <summary>RFC 7807 answers of the officer API's authentication and authorisation.</summary>
internal static class OfficerProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
