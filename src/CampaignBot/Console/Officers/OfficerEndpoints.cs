using Campaign.Core.Content;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console.Officers;

/// <summary>
/// <c>/api/admin/officers</c>: admins list and create console officers, set their passwords and
/// disable or enable them, only within their own areas: an admin may give nobody an area they do
/// not have. Passwords are never returned; every change is audited, allowed or not.
/// </summary>
internal static class OfficerEndpoints
{
    public static RouteGroupBuilder MapOfficers(this RouteGroupBuilder api)
    {
        var officers = api.MapGroup("/officers").WithTags("Officers").RequireAuthorization(OfficerPolicies.Admin);
        officers.MapGet("/", ListAsync).WithAuditAction("officer.list").Produces<IReadOnlyList<OfficerView>>();
        officers.MapPost("/", CreateAsync).WithAuditAction("officer.create")
            .Accepts<CreateOfficerRequest>("application/json").Produces<OfficerView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPost("/{id}/password", SetPasswordAsync).WithAuditAction("officer.password")
            .Accepts<PasswordRequest>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        officers.MapPost("/{id}/disable", (string id, HttpContext context, OfficerStore store, IAuditLog audit) => SetDisabledAsync(id, true, context, store, audit))
            .WithAuditAction("officer.disable").Produces<OfficerView>().ProducesProblem(StatusCodes.Status404NotFound);
        officers.MapPost("/{id}/enable", (string id, HttpContext context, OfficerStore store, IAuditLog audit) => SetDisabledAsync(id, false, context, store, audit))
            .WithAuditAction("officer.enable").Produces<OfficerView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, OfficerStore store)
    {
        var admin = OfficerContext.Require(context);
        var all = await store.ListAsync();
        return Results.Ok(all.Where(o => Manages(admin, o)).Select(OfficerView.Of).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OfficerStore store, OfficerPasswords passwords, ContentStore content, IAuditLog audit)
    {
        var admin = OfficerContext.Require(context);
        var (body, unreadable) = await AdminJson.ReadAsync<CreateOfficerRequest>(context.Request);
        if (body is null)
        {
            await audit.RecordAsync(admin.Audit("officer.create", "officer:new", AuditOutcome.Failed, Reason("unreadable")));
            return unreadable!;
        }

        var errors = new List<FieldError>();
        if (!OfficerRoleExtensions.TryParse(body.Role, out var role))
        {
            errors.Add(new("role", "officer, approver or admin"));
        }
        if (!AreaScope.TryParse(body.Areas, out var scope, out var areasError))
        {
            errors.Add(new("areas", areasError));
        }
        else if (!scope.IsEverywhere && scope.Codes.Where(code => content.Current.Areas.Find(code) is null).ToArray() is { Length: > 0 } unknown)
        {
            errors.Add(new("areas", $"no area {string.Join(", ", unknown)} in content/areas.yaml"));
        }
        if (OfficerPasswordPolicy.Problem(body.Password) is { } passwordProblem)
        {
            errors.Add(Field(passwordProblem));
        }
        if (body.Username is null)
        {
            errors.Add(new("username", "give the officer a username to sign in with"));
        }
        if (scope is not null && errors.Count == 0)
        {
            errors.AddRange(new NewOfficer(body.Name ?? "", role, scope, body.Username).Problems().Select(Field));
        }
        if (errors.Count > 0)
        {
            await audit.RecordAsync(admin.Audit("officer.create", "officer:new", AuditOutcome.Failed, Reason("invalid")));
            return AdminProblems.Invalid(errors, "The officer has problems");
        }

        // An admin hands out only what they have: a province admin cannot create a national one.
        if (!admin.CoversAll(scope!.Codes))
        {
            await audit.RecordAsync(admin.Audit("officer.create", "officer:new", AuditOutcome.Denied, Reason("outside_scope", scope.ToString())));
            return AdminProblems.OutsideScope([new FieldError("areas", $"{scope} is not within your areas ({admin.Scope})")]);
        }

        var created = await store.AddWithPasswordAsync(new NewOfficer(body.Name!, role, scope, body.Username), passwords.Hash(body.Password!));
        if (created is null)
        {
            await audit.RecordAsync(admin.Audit("officer.create", "username:" + OfficerUsername.Normalize(body.Username), AuditOutcome.Failed, Reason("username_taken")));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Username taken",
                detail: $"Another officer already signs in as '{OfficerUsername.Normalize(body.Username)}'; choose another username.");
        }
        await audit.RecordAsync(admin.Audit("officer.create", "officer:" + created.Id, AuditOutcome.Allowed, new Dictionary<string, string>
        {
            ["username"] = created.Username ?? "",
            ["role"] = created.Role.Key(),
            ["areas"] = created.Scope.ToString(),
        }));
        return Results.Created($"{AdminApi.Prefix}/officers/{created.Id}", OfficerView.Of(created));
    }

    private static async Task<IResult> SetPasswordAsync(string id, HttpContext context, OfficerStore store, OfficerPasswords passwords, IAuditLog audit)
    {
        var admin = OfficerContext.Require(context);
        var (body, unreadable) = await AdminJson.ReadAsync<PasswordRequest>(context.Request);
        if (body is null)
        {
            await audit.RecordAsync(admin.Audit("officer.password", "officer:" + id, AuditOutcome.Failed, Reason("unreadable")));
            return unreadable!;
        }
        var officer = await store.GetAsync(id);
        if (officer is null || !Manages(admin, officer))
        {
            await audit.RecordAsync(admin.Audit("officer.password", "officer:" + id, officer is null ? AuditOutcome.Failed : AuditOutcome.Denied, Reason(officer is null ? "not_found" : "outside_scope")));
            return NotFound(id);
        }
        if (officer.Username is null)
        {
            await audit.RecordAsync(admin.Audit("officer.password", "officer:" + id, AuditOutcome.Failed, Reason("no_username")));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No console account",
                detail: "This officer uses the API with a key and has no username; create a console officer for them instead.");
        }
        if (OfficerPasswordPolicy.Problem(body.Password) is { } problem)
        {
            await audit.RecordAsync(admin.Audit("officer.password", "officer:" + id, AuditOutcome.Failed, Reason("invalid")));
            return AdminProblems.Invalid([Field(problem)], "The password has problems");
        }
        await store.SetPasswordHashAsync(officer.Id, passwords.Hash(body.Password!));
        await audit.RecordAsync(admin.Audit("officer.password", "officer:" + id, AuditOutcome.Allowed));
        return Results.NoContent();
    }

    private static async Task<IResult> SetDisabledAsync(string id, bool disable, HttpContext context, OfficerStore store, IAuditLog audit)
    {
        var admin = OfficerContext.Require(context);
        var action = disable ? "officer.disable" : "officer.enable";
        var officer = await store.GetAsync(id);
        if (officer is null || !Manages(admin, officer))
        {
            await audit.RecordAsync(admin.Audit(action, "officer:" + id, officer is null ? AuditOutcome.Failed : AuditOutcome.Denied, Reason(officer is null ? "not_found" : "outside_scope")));
            return NotFound(id);
        }
        if (disable && officer.Id == admin.Id)
        {
            await audit.RecordAsync(admin.Audit(action, "officer:" + id, AuditOutcome.Denied, Reason("self")));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "You cannot disable yourself",
                detail: "Ask another admin to do it, so that someone can still manage officers.");
        }
        var updated = await store.SetDisabledAsync(id, disable);
        if (updated is null)
        {
            return NotFound(id);
        }
        await audit.RecordAsync(admin.Audit(action, "officer:" + id, AuditOutcome.Allowed));
        return Results.Ok(OfficerView.Of(updated));
    }

    /// <summary>An admin manages officers whose every area lies within their own.</summary>
    private static bool Manages(OfficerContext admin, Officer officer) => admin.CoversAll(officer.Scope.Codes);

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such officer",
        detail: $"There is no officer '{id}' in your areas.");

    /// <summary>"password: at least 10 characters" → field "password", message "at least 10 characters".</summary>
    private static FieldError Field(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? new FieldError(problem[..colon], problem[(colon + 1)..].Trim()) : new FieldError("$", problem);
    }

    private static Dictionary<string, string> Reason(string reason, string? areas = null)
    {
        var details = new Dictionary<string, string> { ["reason"] = reason };
        if (areas is not null)
        {
            details["areas"] = areas;
        }
        return details;
    }
}
