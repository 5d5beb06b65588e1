// The .NET peer of the benchmark: the same work and output as bench/c_abi.c,
// written as a .NET user writes it with the TemporalCapi assembly
// (bindings/dotnet), run on Mono:
//
//   mono dotnet_peer.exe ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES
//
// CONCURRENCY lanes (async loops) share the N calls of a phase, as
// bench/python_peer.py does. Prints one JSON object per phase: op, n,
// concurrency, wall_s, cpu_s (user + system time of the whole process),
// p50_us, p99_us. TC_BENCH_GRPC_COMPRESSION (`gzip`, the default, or
// `none`) is the connect option GrpcCompression.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi;

/// <summary>The benchmark's .NET peer.</summary>
public static class DotnetPeer
{
    /// <summary>Runs every phase and exits 0, or 2 on a usage error.</summary>
    public static int Main(string[] argv)
    {
        if (argv.Length != 6)
        {
            Console.Error.WriteLine("usage: dotnet_peer.exe ADDRESS TASK_QUEUE PREFIX N CONCURRENCY PAYLOAD_BYTES");
            return 2;
        }
        RunAsync(argv).GetAwaiter().GetResult();
        return 0;
    }

    static async Task RunAsync(string[] argv)
    {
        string address = argv[0], taskQueue = argv[1], prefix = argv[2];
        int n = int.Parse(argv[3], CultureInfo.InvariantCulture);
        int concurrency = int.Parse(argv[4], CultureInfo.InvariantCulture);
        int payloadBytes = int.Parse(argv[5], CultureInfo.InvariantCulture);
        var options = new TemporalClientConnectOptions(address)
        {
            Identity = "bench",
            GrpcCompression = Environment.GetEnvironmentVariable("TC_BENCH_GRPC_COMPRESSION") == "none"
                ? GrpcCompression.None
                : GrpcCompression.Gzip,
        };
        var client = await TemporalClient.ConnectAsync(options);
        Func<int, WorkflowHandle> handle = i => client.GetWorkflowHandle(prefix + "-" + i);
        await Phase("start", n, concurrency, i => client.StartWorkflowAsync(
            "WaitForSignal", new object[0], new WorkflowOptions(prefix + "-" + i, taskQueue)));
        await Phase("describe", n, concurrency, i => handle(i).DescribeAsync());
        await Phase("signal", n, concurrency, i => handle(i).SignalAsync("add", new object[] { i }));
        await Phase("query", n, concurrency, i => handle(i).QueryAsync<string>("echo_query", new object[] { "x" }));
        if (payloadBytes > 0)
        {
            var big = new string('x', payloadBytes);
            await Phase("payload", Math.Min(n, 20), 1,
                i => handle(i).QueryAsync<string>("echo_query", new object[] { big }));
        }
        await Phase("terminate", n, concurrency, i => handle(i).TerminateAsync("bench"));
    }

    /// <summary>Runs <c>call(i)</c> for i below n with at most concurrency in flight; prints the line.</summary>
    static async Task Phase(string op, int n, int concurrency, Func<int, Task> call)
    {
        var latencyUs = new double[n];
        int next = -1;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Func<Task> lane = async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < n; i = Interlocked.Increment(ref next))
            {
                var sent = Stopwatch.GetTimestamp();
                await call(i);
                latencyUs[i] = (Stopwatch.GetTimestamp() - sent) * 1e6 / Stopwatch.Frequency;
            }
        };
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, n)).Select(_ => Task.Run(lane)));
        wall.Stop();
        process.Refresh();
        double cpuS = (process.TotalProcessorTime - cpu).TotalSeconds;
        Array.Sort(latencyUs);
        int p99 = Math.Min((int)(n * 0.99), n - 1);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{{\"op\":\"{0}\",\"n\":{1},\"concurrency\":{2},\"wall_s\":{3:F6},\"cpu_s\":{4:F6},\"p50_us\":{5:F0},\"p99_us\":{6:F0}",
            op, n, concurrency, wall.Elapsed.TotalSeconds, cpuS, latencyUs[n / 2], latencyUs[p99]) + "}");
    }
}
