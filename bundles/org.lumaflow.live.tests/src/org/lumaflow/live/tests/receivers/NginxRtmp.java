package org.lumaflow.live.tests.receivers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's nginx with libnginx-mod-rtmp, with its own configuration in a temporary folder (never the system
 * service): an RTMP server on 127.0.0.1:PORT, application {@code live} recording every stream to
 * {@code DIR/KEY.flv}.
 */
public final class NginxRtmp extends Receiver {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    public static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");

    private final int port;

    private NginxRtmp(List<String> command, Path dir, int port) {
        super(command, dir, null, "nginx-" + port);
        this.port = port;
    }

    public static NginxRtmp create(Path dir) throws IOException {
        require(NGINX, "nginx");
        if (!Files.exists(MODULE)) {
            throw new AssertionError(MODULE + " is missing: install libnginx-mod-rtmp "
                    + "(releng/setup/system-packages.sh test)");
        }
        int port = freeTcpPort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                load_module %s;
                daemon off;
                master_process off;
                user root root;
                pid %s/nginx.pid;
                error_log %s/nginx-error.log info;
                events { worker_connections 64; }
                rtmp {
                    server {
                        listen 127.0.0.1:%d;
                        application live {
                            live on;
                            record all;
                            record_path %s;
                            record_unique off;
                        }
                    }
                }
                """.formatted(MODULE, dir, dir, port, dir));
        return new NginxRtmp(List.of(NGINX.toString(), "-p", dir.toString(), "-e", dir.resolve("nginx-error.log")
                .toString(), "-c", conf.toString()), dir, port);
    }

    public int port() {
        return port;
    }

    @Override
    public Receiver start() throws IOException {
        super.start();
        try {
            awaitTcp(port, 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /** The recording of stream {@code key}. */
    public Path recording(String key) {
        return dir.resolve(key + ".flv");
    }
}
