package org.lumaflow.gpu.lwjgl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.lumaflow.gpu.lwjgl.Lwjgl;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.shaderc.Shaderc;

/** LWJGL's natives load inside Equinox from the embedded jars, into the product's cache, and shaderc compiles. */
class LwjglRuntimeTest {

    @Test
    void nativesLoadIntoTheProductCacheAndShadercCompilesGlsl() {
        Lwjgl.init();
        String dir = Configuration.SHARED_LIBRARY_EXTRACT_PATH.get();
        // the product's own folder (bundle data area or -Dlumaflow.cache.dir), not LWJGL's shared tmpdir/lwjgl_USER
        assertTrue(dir != null && dir.endsWith("/lwjgl") && !dir.contains("lwjgl_"), String.valueOf(dir));
        long compiler = Shaderc.shaderc_compiler_initialize();
        assertTrue(compiler != 0);
        try {
            String src = "#version 450\nlayout(local_size_x = 8) in;\n"
                    + "layout(std430, binding = 0) buffer B { uint v[]; };\n"
                    + "void main() { v[gl_GlobalInvocationID.x] *= 2u; }\n";
            long result = Shaderc.shaderc_compile_into_spv(compiler, src, Shaderc.shaderc_glsl_compute_shader,
                    "double.comp", "main", 0L);
            try {
                assertEquals(Shaderc.shaderc_compilation_status_success,
                        Shaderc.shaderc_result_get_compilation_status(result),
                        Shaderc.shaderc_result_get_error_message(result));
                ByteBuffer spv = Shaderc.shaderc_result_get_bytes(result);
                assertEquals(0x07230203, spv.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0), "SPIR-V magic");
                assertTrue(MemoryUtil.memAddress(spv) != 0);
            } finally {
                Shaderc.shaderc_result_release(result);
            }
        } finally {
            Shaderc.shaderc_compiler_release(compiler);
        }
    }
}
