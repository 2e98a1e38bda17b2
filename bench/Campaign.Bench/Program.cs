using Campaign.Bench;

// ./campaign bench <name>. Each benchmark prints one JSON line last and writes it to bench/results/.
return args.FirstOrDefault() switch
{
    "faq" => FaqBenchmark.Run(),
    "sms" => await SmsBenchmark.RunAsync(),
    "fanout" => await FanoutBenchmark.RunAsync(args[1..]),
    "calibrate" => FaqCalibration.Run(args[1..]),
    "subscribers-memory" => await SubscriberMemoryBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Campaign.Bench faq|sms|fanout [--subscribers N]|subscribers-memory [--count N]");
    return 2;
}
