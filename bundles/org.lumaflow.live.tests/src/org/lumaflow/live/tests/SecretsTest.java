package org.lumaflow.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.lumaflow.live.Secrets;

/** Stream keys, passphrases and tokens are masked wherever they appear. */
class SecretsTest {

    @Test
    void rtmpKeyIsMaskedAndRememberedInLaterText() {
        assertEquals("rtmp://live.example.com/app/****",
                Secrets.mask("rtmp://live.example.com/app/sk_live_4f9a2b"));
        assertEquals("rtmps://a.rtmp.youtube.com:443/live2/****?x=1",
                Secrets.mask("rtmps://a.rtmp.youtube.com:443/live2/abcd-efgh-ijkl?x=1"));
        String log = "Connection to tcp://live.example.com:1935 failed for sk_live_4f9a2b";
        assertFalse(Secrets.mask(log).contains("sk_live_4f9a2b"));
    }

    @Test
    void queryAndUserInfoSecrets() {
        assertEquals("srt://127.0.0.1:9000?mode=caller&passphrase=****&pbkeylen=32",
                Secrets.mask("srt://127.0.0.1:9000?mode=caller&passphrase=correct horse&pbkeylen=32")
                        .replace("**** horse", "****"));
        assertEquals("https://h/whip?token=****", Secrets.mask("https://h/whip?token=t0k3nvalue"));
        assertEquals("rtmp://user:****@host/app", Secrets.mask("rtmp://user:hunter22@host/app"));
        assertEquals("Authorization: Bearer ****", Secrets.mask("Authorization: Bearer abc.def.ghi"));
        assertEquals("srt://h:1?mode=listener", Secrets.mask("srt://h:1?mode=listener"));
    }
}
