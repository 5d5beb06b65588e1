using System.Runtime.CompilerServices;

// The Mono-built NUnit tests check internals (JSON, error mapping, pending calls).
[assembly: InternalsVisibleTo("TemporalCapi.Tests")]
