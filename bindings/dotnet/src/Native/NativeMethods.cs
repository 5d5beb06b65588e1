using System;
using System.Runtime.InteropServices;

namespace TemporalCapi.Native
{
    /// <summary>
    /// The C functions of include/temporal_capi.h (contract: docs/ABI.md).
    /// </summary>
    /// <remarks>
    /// Asynchronous operations take their handles as raw pointers: the caller
    /// (<see cref="PendingCall"/>) holds a reference count on the owning
    /// <see cref="SafeHandle"/> from before the call until its callback has
    /// fired, which the marshaller's own per-call reference cannot do.
    /// Synchronous functions take the <see cref="SafeHandle"/> directly; those
    /// that can fail end in <c>ref IntPtr errorJson</c> (<c>char **error_json_out</c>,
    /// written only on failure) and are called through <see cref="SyncCall"/>.
    /// </remarks>
    internal static class NativeMethods
    {
        private const string Library = "temporal_capi";

        /// <summary>The ABI version these declarations were written for (TC_ABI_VERSION).</summary>
        internal const uint AbiVersion = 2;

        /// <summary>TcCallback: completion of every asynchronous call.</summary>
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate void Callback(IntPtr userData, int status, IntPtr json, UIntPtr jsonLength);

        /// <summary>TcClientCallback: completion of tc_client_connect.</summary>
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate void ClientCallback(IntPtr userData, IntPtr client, int status, IntPtr json, UIntPtr jsonLength);

        /// <summary>The shape shared by every tc_workflow_* operation.</summary>
        internal delegate int Operation(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr tc_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint tc_abi_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void tc_string_free(IntPtr s);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_runtime_new(byte[] json, UIntPtr length, out RuntimeHandle runtime, ref IntPtr errorJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void tc_runtime_free(IntPtr runtime);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_runtime_set_logger(
            RuntimeHandle runtime, byte[] level, UIntPtr length, Callback callback, IntPtr userData, ref IntPtr errorJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern CancelHandle tc_cancel_new();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void tc_cancel_cancel(CancelHandle cancel);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void tc_cancel_free(IntPtr cancel);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_client_connect(IntPtr runtime, byte[] json, UIntPtr length, IntPtr cancel, ClientCallback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void tc_client_free(IntPtr client);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_client_update_api_key(ClientHandle client, byte[] apiKey, UIntPtr length, ref IntPtr errorJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_client_update_headers(ClientHandle client, byte[] json, UIntPtr length, ref IntPtr errorJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_envconfig_load(
            byte[] json, UIntPtr length, out IntPtr jsonOut, out UIntPtr jsonLengthOut, ref IntPtr errorJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_start(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_signal_with_start(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_result(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_describe(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_signal(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_query(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_cancel(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_terminate(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_activity_complete(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_activity_fail(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_activity_heartbeat(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_activity_report_cancellation(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_client_rpc(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_client_system_info(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_backfill(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_create(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_delete(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_describe(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_list(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_pause(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_trigger(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_unpause(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_schedule_update(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_count(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_delete(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_describe_task_queue(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_export_history(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_fetch_history(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_list(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_pause(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_purge_instances(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_query_instances(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_reset(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_start_update(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_unpause(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_update(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_update_result(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_update_with_start(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_wait_for_completion(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int tc_workflow_wait_for_start(IntPtr client, byte[] json, UIntPtr length, IntPtr cancel, Callback callback, IntPtr userData);
    }
}
