using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>Raw gRPC calls and the server's system info.</summary>
    public sealed partial class TemporalConnection
    {
        /// <summary>Raw calls to <c>temporal.api.workflowservice.v1.WorkflowService</c> (every unary method).</summary>
        public ServiceClient WorkflowService
        {
            get { return new ServiceClient(this, ServiceClient.Workflow); }
        }

        /// <summary>Raw calls to <c>temporal.api.operatorservice.v1.OperatorService</c> (every unary method).</summary>
        public ServiceClient OperatorService
        {
            get { return new ServiceClient(this, ServiceClient.Operator); }
        }

        /// <summary>Raw calls to <c>grpc.health.v1.Health</c> (its unary method <c>Check</c>).</summary>
        public ServiceClient HealthService
        {
            get { return new ServiceClient(this, ServiceClient.Health); }
        }

        /// <summary>Asks the server for its version and capabilities (<c>GetSystemInfo</c>).</summary>
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <exception cref="RpcException">The server could not be reached or refused.</exception>
        /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
        public Task<ServerSystemInfo> GetSystemInfoAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            return CallAsync(
                NativeMethods.tc_client_system_info,
                new Dictionary<string, object>(),
                response => new ServerSystemInfo(response),
                cancellationToken);
        }
    }
}
