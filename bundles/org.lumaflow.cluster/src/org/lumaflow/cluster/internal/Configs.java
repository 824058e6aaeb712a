package org.lumaflow.cluster.internal;

import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.instance.AddressPicker;
import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.instance.impl.DefaultNodeContext;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.instance.impl.NodeContext;

/** Hazelcast configurations: a cluster member, an embedded member without network, a client. */
public final class Configs {

    /** The durable executor segments run on. */
    public static final String EXECUTOR = "lumaflow.segments";
    /** Segment states: key {@code PLAN/INDEX}, value see {@link SegmentState}. */
    public static final String STATUS = "lumaflow.segments.status";
    /** Cancelled plans (key: plan id). */
    public static final String CANCELLED = "lumaflow.segments.cancelled";
    /** Member attribute: segments a member runs at once. */
    public static final String ATTR_SLOTS = "lumaflow.slots";
    /** Member attribute: the member's media roots. */
    public static final String ATTR_ROOTS = "lumaflow.mediaRoots";

    /** Hazelcast logs through java.util.logging: warnings and errors only (its INFO banner is for servers). */
    private static final java.util.logging.Logger HZ_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

    static {
        if (System.getProperty("lumaflow.cluster.verbose") == null) {
            HZ_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private Configs() {
    }

    private static Config base(String cluster, int slots, String roots) {
        Config c = new Config();
        c.setClusterName(cluster);
        c.setInstanceName("lumaflow-" + UUID.randomUUID());
        c.setClassLoader(Configs.class.getClassLoader()); // tasks are this bundle's classes
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.shutdownhook.enabled", "false"); // the worker leaves the cluster itself
        // a killed worker is noticed within seconds (its connections close), a silent one within 10 s
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        c.getDurableExecutorConfig(EXECUTOR).setPoolSize(Math.max(1, slots)).setDurability(1).setCapacity(10_000);
        c.getMapConfig(STATUS).setBackupCount(1);
        c.getMemberAttributeConfig().setAttribute(ATTR_SLOTS, Integer.toString(Math.max(1, slots)));
        c.getMemberAttributeConfig().setAttribute(ATTR_ROOTS, roots);
        return c;
    }

    /** A render node of cluster {@code cluster} joining {@code members} (TCP/IP only: no multicast, no discovery). */
    public static Config member(String cluster, List<String> members, int port, int slots, MediaRoots roots) {
        Config c = base(cluster, slots, roots.describe());
        c.getNetworkConfig().setPort(port).setPortAutoIncrement(true).setPortCount(100);
        JoinConfig j = c.getNetworkConfig().getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setMembers(members);
        return c;
    }

    /** An embedded single member: no join, no multicast, no phone home, and no server socket (see {@link #noNetwork}). */
    public static Config embedded(int slots) {
        Config c = base("lumaflow-local-" + UUID.randomUUID(), slots, "[local]");
        JoinConfig j = c.getNetworkConfig().getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(false);
        return c;
    }

    /**
     * A node context whose address picker binds nothing: the member has a nominal address (127.0.0.1:5701) but no
     * server socket, so nothing can connect to it and it connects to nothing (no join method is enabled).
     */
    public static NodeContext noNetwork() {
        Address a;
        try {
            a = new Address("127.0.0.1", 5701);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new DefaultNodeContext() {
            @Override
            public AddressPicker createAddressPicker(Node node) {
                return new AddressPicker() {
                    @Override
                    public void pickAddress() {
                    }

                    @Override
                    public Address getBindAddress(EndpointQualifier q) {
                        return a;
                    }

                    @Override
                    public Address getPublicAddress(EndpointQualifier q) {
                        return a;
                    }

                    @Override
                    public Map<EndpointQualifier, Address> getPublicAddressMap() {
                        return Map.of(EndpointQualifier.MEMBER, a);
                    }

                    @Override
                    public Map<EndpointQualifier, Address> getBindAddressMap() {
                        return Map.of(EndpointQualifier.MEMBER, a);
                    }

                    @Override
                    public ServerSocketChannel getServerSocketChannel(EndpointQualifier q) {
                        return null;
                    }

                    @Override
                    public Map<EndpointQualifier, ServerSocketChannel> getServerSocketChannels() {
                        return Map.of();
                    }
                };
            }
        };
    }

    /** A client of cluster {@code cluster}, connecting to {@code members} (host or host:port each). */
    public static ClientConfig client(String cluster, List<String> members) {
        ClientConfig c = new ClientConfig();
        c.setClusterName(cluster);
        c.setInstanceName("lumaflow-client-" + UUID.randomUUID());
        c.setClassLoader(Configs.class.getClassLoader());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.client.shutdownhook.enabled", "false");
        c.getNetworkConfig().setAddresses(members);
        c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(20_000);
        return c;
    }

    /** {@code --members a,b,c} as a list (blank entries dropped). */
    public static List<String> members(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
