using System.Collections.Generic;
using TemporalCapi.Json;

namespace TemporalCapi
{
    /// <summary>
    /// TLS settings of a connection. An instance with nothing set turns TLS
    /// on with the system's root certificates. Certificates and keys are PEM,
    /// given as text or as a file path (not both).
    /// </summary>
    public sealed class TlsOptions
    {
        /// <summary>Turns TLS off explicitly (for example with an API key against a plain-text server).</summary>
        public bool Disabled { get; set; }

        /// <summary>PEM of the CA that signed the server's certificate.</summary>
        public string ServerRootCACert { get; set; }

        /// <summary>Path of a PEM file with the CA that signed the server's certificate.</summary>
        public string ServerRootCACertPath { get; set; }

        /// <summary>The name to verify the server's certificate against (SNI).</summary>
        public string Domain { get; set; }

        /// <summary>PEM client certificate for mTLS.</summary>
        public string ClientCert { get; set; }

        /// <summary>Path of a PEM client certificate for mTLS.</summary>
        public string ClientCertPath { get; set; }

        /// <summary>PEM private key of <see cref="ClientCert"/>.</summary>
        public string ClientPrivateKey { get; set; }

        /// <summary>Path of a PEM private key of the client certificate.</summary>
        public string ClientPrivateKeyPath { get; set; }

        /// <summary>
        /// Accepts a server certificate issued for another host name; the
        /// chain is still verified against <see cref="ServerRootCACert"/>
        /// (or the system roots).
        /// </summary>
        public bool DisableHostVerification { get; set; }

        /// <summary>The <c>tls</c> connect option: false, or an object (which means on).</summary>
        internal object ToJson()
        {
            if (Disabled)
            {
                return false;
            }
            var json = new Dictionary<string, object>();
            json.Put("server_ca_cert", ServerRootCACert);
            json.Put("server_ca_cert_path", ServerRootCACertPath);
            json.Put("server_name", Domain);
            json.Put("client_cert", ClientCert);
            json.Put("client_cert_path", ClientCertPath);
            json.Put("client_key", ClientPrivateKey);
            json.Put("client_key_path", ClientPrivateKeyPath);
            if (DisableHostVerification)
            {
                json["disable_host_verification"] = true;
            }
            return json;
        }

        /// <summary>Reads the <c>tls</c> key of an env-config profile: true, false or an object.</summary>
        internal static TlsOptions FromJson(object tls)
        {
            if (tls is bool)
            {
                return new TlsOptions { Disabled = !(bool)tls };
            }
            var json = tls as Dictionary<string, object>;
            if (json == null)
            {
                return null;
            }
            return new TlsOptions
            {
                ServerRootCACert = json.GetString("server_ca_cert"),
                ServerRootCACertPath = json.GetString("server_ca_cert_path"),
                Domain = json.GetString("server_name"),
                ClientCert = json.GetString("client_cert"),
                ClientCertPath = json.GetString("client_cert_path"),
                ClientPrivateKey = json.GetString("client_key"),
                ClientPrivateKeyPath = json.GetString("client_key_path"),
                DisableHostVerification = json.GetBool("disable_host_verification"),
            };
        }
    }
}
