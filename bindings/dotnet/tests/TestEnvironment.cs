using System;
using System.Threading.Tasks;
using TemporalCapi;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// The dev server and worker the tests run against, passed by
    /// tests/dotnet.rs as TC_TEST_ADDRESS, TC_TEST_NAMESPACE and
    /// TC_TEST_TASK_QUEUE (TC_TEST_LIBRARY_VERSION: the crate version).
    /// </summary>
    internal static class TestEnvironment
    {
        private static readonly Lazy<TemporalClient> SharedClient = new Lazy<TemporalClient>(
            () => TemporalClient.ConnectAsync(ConnectOptions()).GetAwaiter().GetResult());

        /// <summary>The server address.</summary>
        internal static string Address
        {
            get { return Required("TC_TEST_ADDRESS"); }
        }

        /// <summary>The namespace.</summary>
        internal static string Namespace
        {
            get { return Required("TC_TEST_NAMESPACE"); }
        }

        /// <summary>The task queue the test worker polls.</summary>
        internal static string TaskQueue
        {
            get { return Required("TC_TEST_TASK_QUEUE"); }
        }

        /// <summary>The version the native library must report.</summary>
        internal static string LibraryVersion
        {
            get { return Required("TC_TEST_LIBRARY_VERSION"); }
        }

        /// <summary>A client shared by tests that do not dispose it.</summary>
        internal static TemporalClient Client
        {
            get { return SharedClient.Value; }
        }

        /// <summary>Options for the dev server.</summary>
        internal static TemporalClientConnectOptions ConnectOptions()
        {
            return new TemporalClientConnectOptions(Address) { Namespace = Namespace };
        }

        /// <summary>A new client of its own (dispose it).</summary>
        internal static Task<TemporalClient> ConnectAsync()
        {
            return TemporalClient.ConnectAsync(ConnectOptions());
        }

        /// <summary>Start options with a fresh id on the worker's task queue.</summary>
        internal static WorkflowOptions Options(string prefix)
        {
            return new WorkflowOptions(NewId(prefix), TaskQueue);
        }

        /// <summary>
        /// <see cref="Options"/> with every timeout (1 h execution, 30 min run,
        /// 5 s task) and a retry policy (2 s initial interval, backoff 3, 10 s
        /// maximum interval, 4 attempts, <c>Fatal</c> not retryable).
        /// </summary>
        internal static WorkflowOptions OptionsWithTimeoutsAndRetry(string prefix)
        {
            var options = Options(prefix);
            options.ExecutionTimeout = TimeSpan.FromHours(1);
            options.RunTimeout = TimeSpan.FromMinutes(30);
            options.TaskTimeout = TimeSpan.FromSeconds(5);
            options.RetryPolicy = new RetryPolicy
            {
                InitialInterval = TimeSpan.FromSeconds(2),
                BackoffCoefficient = 3,
                MaximumInterval = TimeSpan.FromSeconds(10),
                MaximumAttempts = 4,
                NonRetryableErrorTypes = new[] { "Fatal" },
            };
            return options;
        }

        /// <summary>A fresh workflow id.</summary>
        internal static string NewId(string prefix)
        {
            return "dotnet-" + prefix + "-" + Guid.NewGuid().ToString("N");
        }

        /// <summary>Arguments for a call.</summary>
        internal static object[] Args(params object[] args)
        {
            return args;
        }

        private static string Required(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException(name + " is not set; run the tests through `cargo test --test dotnet`");
            }
            return value;
        }
    }
}
