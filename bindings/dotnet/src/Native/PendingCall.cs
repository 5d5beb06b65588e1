using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace TemporalCapi.Native
{
    /// <summary>
    /// One asynchronous native call from start to callback.
    /// </summary>
    /// <remarks>
    /// The library receives two static delegates (never collected) and, as
    /// <c>user_data</c>, an integer key into <see cref="Registry"/>. The
    /// registry entry keeps the call (its task, its <see cref="CancelHandle"/>
    /// and a reference count on the handle it runs on) reachable until the
    /// callback fires, so neither the GC nor a finalizer can free anything
    /// the library still uses. Resources are released once both the call
    /// has returned and the callback has fired, never on a library thread.
    /// </remarks>
    internal sealed class PendingCall
    {
        private static readonly ConcurrentDictionary<int, PendingCall> Registry =
            new ConcurrentDictionary<int, PendingCall>();

        private static readonly NativeMethods.Callback CompletionCallback = OnCompletion;
        private static readonly NativeMethods.ClientCallback ConnectCallback = OnConnect;
        private static readonly WaitCallback ReleaseOnPool = state => ((PendingCall)state).Release();

        private static int lastKey;

        private readonly TaskCompletionSource<NativeReply> completion =
            new TaskCompletionSource<NativeReply>(TaskCreationOptions.RunContinuationsAsynchronously);

        private readonly SafeHandle target;
        private readonly CancelHandle cancel;

        /// <summary>The operation run (its method's name is the export's); null for a connect.</summary>
        private readonly Delegate operation;
        private CancellationTokenRegistration registration;

        /// <summary>The call's return and its callback; resources go when both happened.</summary>
        private int outstanding = 2;

        private PendingCall(SafeHandle target, CancelHandle cancel, Delegate operation)
        {
            this.target = target;
            this.cancel = cancel;
            this.operation = operation;
        }

        /// <summary>The C name of the export this call runs.</summary>
        private string Export
        {
            get { return operation == null ? "tc_client_connect" : operation.Method.Name; }
        }

        /// <summary>Calls whose callback has not fired yet (for tests and diagnostics).</summary>
        internal static int Count
        {
            get { return Registry.Count; }
        }

        /// <summary>Runs a <c>tc_workflow_*</c> operation on <paramref name="client"/>.</summary>
        internal static Task<NativeReply> Run(
            ClientHandle client, NativeMethods.Operation operation, byte[] request, CancellationToken cancellationToken)
        {
            return Start(
                client,
                operation,
                cancellationToken,
                (handle, cancel, key) => operation(handle, request, Utf8.Length(request), cancel, CompletionCallback, key));
        }

        /// <summary>Runs <c>tc_client_connect</c> on <paramref name="runtime"/>.</summary>
        internal static Task<NativeReply> Connect(RuntimeHandle runtime, byte[] options, CancellationToken cancellationToken)
        {
            return Start(
                runtime,
                null,
                cancellationToken,
                (handle, cancel, key) => NativeMethods.tc_client_connect(
                    handle, options, Utf8.Length(options), cancel, ConnectCallback, key));
        }

        private static Task<NativeReply> Start(
            SafeHandle target,
            Delegate operation,
            CancellationToken cancellationToken,
            Func<IntPtr, IntPtr, IntPtr, int> invoke)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool added = false;
            target.DangerousAddRef(ref added);
            PendingCall call = null;
            int key = 0;
            try
            {
                call = new PendingCall(target, cancellationToken.CanBeCanceled ? CancelHandle.Create() : null, operation);
                key = call.Register();
                if (call.cancel != null)
                {
                    call.registration = cancellationToken.Register(call.cancel.Cancel);
                }
                var result = (NativeResult)invoke(
                    target.DangerousGetHandle(),
                    call.cancel == null ? IntPtr.Zero : call.cancel.DangerousGetHandle(),
                    new IntPtr(key));
                if (result == NativeResult.NullArgument)
                {
                    throw SyncCall.WithoutErrorObject(result);
                }
            }
            catch
            {
                if (call == null)
                {
                    target.DangerousRelease();
                    throw;
                }
                PendingCall unused;
                if (Registry.TryRemove(key, out unused))
                {
                    // No callback will come for this call; count it as fired.
                    Interlocked.Decrement(ref call.outstanding);
                }
                call.Finish(false);
                throw;
            }
            call.Finish(false);
            return call.completion.Task;
        }

        private int Register()
        {
            while (true)
            {
                int key = Interlocked.Increment(ref lastKey);
                if (key != 0 && Registry.TryAdd(key, this))
                {
                    return key;
                }
            }
        }

        private static void OnCompletion(IntPtr userData, int status, IntPtr json, UIntPtr jsonLength)
        {
            Complete(userData, IntPtr.Zero, status, json, jsonLength);
        }

        private static void OnConnect(IntPtr userData, IntPtr client, int status, IntPtr json, UIntPtr jsonLength)
        {
            Complete(userData, client, status, json, jsonLength);
        }

        /// <summary>Runs on a library thread (or the caller's): must not throw or block.</summary>
        private static void Complete(IntPtr userData, IntPtr client, int status, IntPtr json, UIntPtr jsonLength)
        {
            MarkBackground();
            PendingCall call;
            if (!Registry.TryRemove(unchecked((int)userData.ToInt64()), out call))
            {
                return;
            }
            try
            {
                var owned = client == IntPtr.Zero ? null : new ClientHandle(client, (RuntimeHandle)call.target);
                var reply = new NativeReply(status, json, jsonLength, owned);
                if (ReplyObserver.Active)
                {
                    ReplyObserver.Notify(call.Export, reply.Status, reply.Json);
                }
                call.completion.TrySetResult(reply);
            }
            catch (Exception e)
            {
                call.completion.TrySetException(e);
            }
            finally
            {
                call.Finish(true);
            }
        }

        /// <summary>
        /// Library threads that call back are attached to the managed runtime;
        /// Mono treats attached threads as foreground and would wait for them
        /// (forever) at process exit, so mark them as background threads.
        /// </summary>
        internal static void MarkBackground()
        {
            try
            {
                var thread = Thread.CurrentThread;
                if (!thread.IsBackground)
                {
                    thread.IsBackground = true;
                }
            }
            catch (ThreadStateException)
            {
                // The thread is shutting down; nothing to mark.
            }
        }

        private void Finish(bool onLibraryThread)
        {
            if (Interlocked.Decrement(ref outstanding) != 0)
            {
                return;
            }
            if (onLibraryThread)
            {
                ThreadPool.QueueUserWorkItem(ReleaseOnPool, this);
            }
            else
            {
                Release();
            }
        }

        private void Release()
        {
            registration.Dispose();
            if (cancel != null)
            {
                cancel.Dispose();
            }
            target.DangerousRelease();
        }
    }
}
