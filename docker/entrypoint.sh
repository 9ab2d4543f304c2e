#!/bin/sh
# Starts James with the extension. A self-signed TLS certificate is generated on the first start (never baked
# into the image), as the embedded default does; replace it with PUT /tls/certificate.
set -e
mkdir -p /root/var/tls
if [ ! -f /root/var/tls/server-key.pem ] || [ ! -f /root/var/tls/server-chain.pem ]; then
    umask 077
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 \
        -subj "/O=Hosted S/MIME for Apache James (self-signed, replace me)/CN=localhost" \
        -addext "subjectAltName=DNS:localhost" \
        -keyout /root/var/tls/server-key.pem -out /root/var/tls/server-chain.pem
fi
# Explicit classpath: the image's own classpath file would still name the removed jdk15on jars.
exec java -Dlogback.configurationFile=/root/conf/logback.xml -Dworking.directory=/root/ \
    -Djdk.tls.ephemeralDHKeySize=2048 -Dextra.props=/root/conf/jvm.properties \
    ${JAVA_OPTS:-} \
    -cp "/root/resources:/root/classes:/root/libs/*" \
    "${JAMES_MAIN_CLASS:-org.apache.james.MemoryJamesServerMain}" "$@"
