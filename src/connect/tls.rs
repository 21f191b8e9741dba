//! TLS trust: the system's roots plus, for private CAs, the certificates in
//! the survey file's `ca_file`. Certificates are always verified; there is
//! no switch to accept invalid ones.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};

use crate::{Error, Result};

/// Reads the PEM certificates in `path`.
pub fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path)
        .map_err(|e| Error::Tls(format!("cannot read ca_file {}: {e}", path.display())))?;
    let certs: Vec<_> = CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::Tls(format!("ca_file {} is not PEM: {e}", path.display())))?;
    if certs.is_empty() {
        return Err(Error::Tls(format!(
            "ca_file {} holds no certificate; it must contain -----BEGIN CERTIFICATE----- blocks",
            path.display()
        )));
    }
    Ok(certs)
}

/// A client configuration trusting the system's roots and `ca_file`.
pub fn client_config(ca_file: Option<&Path>) -> Result<Arc<ClientConfig>> {
    let mut roots = RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    for cert in native.certs {
        // A bad system certificate is not our problem to report.
        let _ = roots.add(cert);
    }
    if let Some(path) = ca_file {
        for cert in read_ca_file(path)? {
            roots
                .add(cert)
                .map_err(|e| Error::Tls(format!("ca_file {}: {e}", path.display())))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Tls(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Explains a TLS failure in terms of what to fix.
pub fn explain(error: &str, host: &str, ca_file: Option<&Path>) -> String {
    if error.contains("UnknownIssuer")
        || error.contains("invalid peer certificate")
        || error.contains("certificate")
    {
        match ca_file {
            Some(ca) => format!(
                "the certificate of {host} is not trusted ({error}); check that ca_file {} holds the CA that signed it",
                ca.display()
            ),
            None => format!(
                "the certificate of {host} is not trusted ({error}); if the server uses a private CA, set ca_file"
            ),
        }
    } else {
        error.to_owned()
    }
}
