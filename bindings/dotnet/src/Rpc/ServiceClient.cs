using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi
{
    /// <summary>
    /// Raw calls to one gRPC service of the server, with request and
    /// response messages as proto3 JSON. Get one from
    /// <see cref="TemporalConnection.WorkflowService"/>,
    /// <see cref="TemporalConnection.OperatorService"/> or
    /// <see cref="TemporalConnection.HealthService"/>.
    /// </summary>
    public sealed class ServiceClient
    {
        /// <summary>The short name of the workflow service.</summary>
        internal const string Workflow = "workflow";

        /// <summary>The short name of the operator service.</summary>
        internal const string Operator = "operator";

        /// <summary>The short name of the health service.</summary>
        internal const string Health = "health";

        private readonly TemporalConnection connection;

        internal ServiceClient(TemporalConnection connection, string name)
        {
            this.connection = connection;
            Name = name;
        }

        /// <summary>The library's short name of the service: <c>workflow</c>, <c>operator</c> or <c>health</c>.</summary>
        public string Name { get; private set; }

        /// <summary>The service's full proto name, for example <c>temporal.api.workflowservice.v1.WorkflowService</c>.</summary>
        public string FullName
        {
            get
            {
                switch (Name)
                {
                    case Workflow:
                        return "temporal.api.workflowservice.v1.WorkflowService";
                    case Operator:
                        return "temporal.api.operatorservice.v1.OperatorService";
                    default:
                        return "grpc.health.v1.Health";
                }
            }
        }

        /// <summary>
        /// Calls a unary method and returns the response message as
        /// canonical proto3 JSON (lowerCamelCase keys, enums by name, int64
        /// values as strings, bytes as base64).
        /// </summary>
        /// <param name="method">The method as named in the proto, for example <c>DescribeNamespace</c>.</param>
        /// <param name="request">
        /// The request message as proto3 JSON: a <see cref="RawJson"/> object, a
        /// dictionary or any object the serializer writes (keys lowerCamelCase
        /// or snake_case as in the proto; bytes as base64); null for an empty
        /// message. A <c>namespace</c> field left out gets the client's namespace.
        /// </param>
        /// <param name="options">Timeout, retry and extra gRPC metadata; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <exception cref="InvalidArgumentException">
        /// The method is unknown or streaming (<see cref="ArgumentException.ParamName"/> <c>method</c>),
        /// the request does not fit its input message (<c>request</c>), or a
        /// header is not valid gRPC metadata (<c>headers</c>).
        /// </exception>
        /// <exception cref="RpcException">The server answered with an error status (for example <see cref="RpcException.StatusCode.NotFound"/>).</exception>
        public async Task<RawJson> CallAsync(
            string method,
            object request = null,
            RpcOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var response = await CallRawAsync(method, request, options, cancellationToken).ConfigureAwait(false);
            return RawJson.FromParsed(response);
        }

        /// <summary>
        /// Calls a unary method like <see cref="CallAsync(string, object, RpcOptions, CancellationToken)"/>
        /// and converts the response message to <typeparamref name="TResponse"/>
        /// (see docs/dotnet.md "Values"; <c>Dictionary&lt;string, object&gt;</c> works for any message).
        /// </summary>
        /// <exception cref="InvalidCastException">The response does not convert to <typeparamref name="TResponse"/>.</exception>
        public async Task<TResponse> CallAsync<TResponse>(
            string method,
            object request = null,
            RpcOptions options = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var response = await CallRawAsync(method, request, options, cancellationToken).ConfigureAwait(false);
            return JsonConverter.To<TResponse>(response);
        }

        private Task<Dictionary<string, object>> CallRawAsync(
            string method, object request, RpcOptions options, CancellationToken cancellationToken)
        {
            Require.NotEmpty(method, "method", "A method name is required");
            var body = new Dictionary<string, object>
            {
                { "service", Name },
                { "method", method },
                { "request", request ?? new Dictionary<string, object>() },
            };
            if (options != null)
            {
                options.AddTo(body);
            }
            return connection.CallAsync(NativeMethods.tc_client_rpc, body, cancellationToken);
        }
    }
}
