// Prints the certificates of a PEM bundle (the host's trusted CAs) that Node does not trust on its own:
// what npm inside an image build must be given (docker/Dockerfile's EXTRA_CA_CERTS). Behind a proxy that
// intercepts TLS, that is its CA; elsewhere a few that Debian trusts and Node does not, which do no harm.
// Usage: node extra_ca_certs.mjs BUNDLE.pem
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

const body = (pem) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const nodes = new Set(rootCertificates.map(body));
const bundle = readFileSync(process.argv[2], 'utf8');
const certificates = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) || [];
process.stdout.write(certificates.filter((pem) => !nodes.has(body(pem))).join('\n'));
