using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using TemporalCapi.Json;
using TemporalCapi.Native;

namespace TemporalCapi.Tests
{
    /// <summary>
    /// The binding against include/temporal_capi.operations.json, the
    /// manifest of the library's operation table (offline; the file is found
    /// as <see cref="RepositoryFile"/> says).
    /// </summary>
    [TestFixture]
    public class OperationsManifestTests
    {
        private Dictionary<string, object> manifest;

        [TestFixtureSetUp]
        public void ReadTheManifest()
        {
            var path = RepositoryFile("include/temporal_capi.operations.json");
            manifest = JsonFields.ParseObject(File.ReadAllText(path));
        }

        [Test]
        public void EveryOperationHasAnExternWithTheAsyncCallShape()
        {
            var shape = typeof(NativeMethods.Operation).GetMethod("Invoke").GetParameters().Select(p => p.ParameterType).ToArray();
            Assert.AreEqual(manifest.GetList("async_parameters").Count, shape.Length, "the manifest's async parameters");
            var declared = typeof(NativeMethods)
                .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .ToLookup(method => method.Name);
            var operations = manifest.GetList("operations").Cast<Dictionary<string, object>>().ToList();
            Assert.IsNotEmpty(operations);
            foreach (var operation in operations)
            {
                string export = operation.GetString("export");
                var methods = declared[export].ToList();
                Assert.AreEqual(1, methods.Count, "NativeMethods declares " + export + " once");
                var method = methods[0];
                Assert.AreNotEqual((MethodAttributes)0, method.Attributes & MethodAttributes.PinvokeImpl, export + " is extern");
                Assert.AreEqual(typeof(int), method.ReturnType, export);
                CollectionAssert.AreEqual(shape, method.GetParameters().Select(p => p.ParameterType).ToArray(), export);
            }
        }

        [Test]
        public void TheAbiVersionIsTheManifests()
        {
            Assert.AreEqual(manifest.GetLong("abi_version"), (long)NativeMethods.AbiVersion);
        }

        [Test]
        public void ListingsPageWithTheManifestsKey()
        {
            Assert.AreEqual(manifest.GetString("page_token_key"), TemporalConnection.PageTokenKey);
        }

        /// <summary>
        /// The path of a file of the repository (<paramref name="relative"/>:
        /// e.g. <c>include/temporal_capi.operations.json</c>), found under
        /// TC_TEST_REPOSITORY when set, else above the native library the
        /// tests loaded (tests/dotnet.rs links it from the repository's
        /// target directory), else above the working directory.
        /// </summary>
        private static string RepositoryFile(string relative)
        {
            var roots = new List<string>();
            var repository = Environment.GetEnvironmentVariable("TC_TEST_REPOSITORY");
            if (!string.IsNullOrEmpty(repository))
            {
                roots.Add(repository);
            }
            roots.AddRange(LoadedLibraryPaths());
            roots.Add(Environment.CurrentDirectory);
            foreach (var root in roots)
            {
                for (var directory = new DirectoryInfo(root); directory != null; directory = directory.Parent)
                {
                    var candidate = Path.Combine(directory.FullName, relative);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
            throw new FileNotFoundException(relative + " not found above " + string.Join(", ", roots) + "; set TC_TEST_REPOSITORY");
        }

        /// <summary>Where the kernel maps the loaded native library from (its real path, links resolved).</summary>
        private static IEnumerable<string> LoadedLibraryPaths()
        {
            Assert.IsNotNullOrEmpty(TemporalRuntime.LibraryVersion, "load the native library");
            const string Maps = "/proc/self/maps";
            if (!File.Exists(Maps))
            {
                return new string[0];
            }
            return File.ReadAllLines(Maps)
                .Select(line => line.Substring(line.IndexOf('/') < 0 ? line.Length : line.IndexOf('/')))
                .Where(path => path.EndsWith("/libtemporal_capi.so", StringComparison.Ordinal))
                .Select(Path.GetDirectoryName)
                .Distinct()
                .ToList();
        }
    }
}
