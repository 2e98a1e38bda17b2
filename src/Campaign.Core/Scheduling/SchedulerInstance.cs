namespace Campaign.Core.Scheduling;

/// <summary>This process's name in claims and leases (host, process id and a random suffix, so two hosts in one process differ).</summary>
public sealed class SchedulerInstance
{
    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
