namespace TemporalCapi.Native
{
    /// <summary>TcResult: the synchronous outcome of a call.</summary>
    internal enum NativeResult
    {
        /// <summary>Accepted (asynchronous calls) or done (synchronous calls).</summary>
        Ok = 0,
        /// <summary>A required pointer was NULL; no callback fires.</summary>
        NullArgument = 1,
        /// <summary>The input was rejected.</summary>
        InvalidArgument = 2,
        /// <summary>A panic was caught inside the library.</summary>
        Panic = 3,
        /// <summary>The handle was freed or its runtime shut down.</summary>
        Closed = 4,
        /// <summary>Another error; the error object carries its code.</summary>
        Error = 5,
    }

    /// <summary>TcStatus: how an asynchronous call completed.</summary>
    internal enum NativeStatus
    {
        /// <summary>The JSON is the response.</summary>
        Ok = 0,
        /// <summary>The JSON is an error object.</summary>
        Error = 1,
        /// <summary>The JSON is an error object with code <c>cancelled</c>.</summary>
        Cancelled = 2,
    }
}
