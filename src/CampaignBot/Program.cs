using CampaignBot;

// CampaignBot: chat channels (Zalo, Messenger, Bot Framework, web chat) on the shared conversation
// engine, their outbox dispatchers; the officer console and admin API arrive with later work.
CampaignBotApp.Create(args).Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
