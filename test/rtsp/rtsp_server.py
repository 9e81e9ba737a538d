#!/usr/bin/python3
"""A real RTSP server for tests, benchmarks and the demo (GStreamer RTSP server from Debian).

Run with Debian's python (it has the gi bindings):
  /usr/bin/python3 rtsp_server.py [--exit-with-stdin] PORT MOUNT=SPEC [MOUNT=SPEC ...]
SPEC is one of
  ball[:WxH[:FPS[:GOP]]]   live videotestsrc (moving ball) encoded to H.264
  smpte[:WxH[:FPS[:GOP]]]  live SMPTE bars with a moving strip, H.264
  h265[:WxH]               live H.265 (a codec browsers cannot play through MSE: the "wrong codec" camera)
  mjpeg[:WxH]              live Motion JPEG
  loop:PATH                an Annex-B .h264 file (25 fps) looped forever without re-encoding (demo feeds)
  loopfps:FPS:PATH         the same for a file encoded at FPS frames per second (e.g. a 1 fps gate camera)
  udp:PORT                 relays H.264 RTP received on a local UDP port (latency benchmark: ffmpeg encodes, we relay)
It prints "READY <port>" once it listens, and exits on SIGTERM/SIGINT. With --exit-with-stdin it also exits when its
standard input reaches end of file: the parent keeps a pipe open and never writes, so the server goes away with the
parent however the parent ends (kill -9 included) and is never left behind as an orphan.
"""
import os
import signal
import sys

import gi

gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

Gst.init(None)


def parts(spec, defaults):
    values = spec.split(':')[1:]
    out = list(defaults)
    for i, v in enumerate(values):
        if v:
            out[i] = v
    return out


def launch_for(spec):
    kind = spec.split(':')[0]
    if kind in ('ball', 'smpte'):
        size, fps, gop = parts(spec, ['640x360', '25', '25'])
        w, h = size.split('x')
        pattern = 'ball' if kind == 'ball' else 'smpte horizontal-speed=4'
        return ('( videotestsrc is-live=true pattern=%s ! video/x-raw,width=%s,height=%s,framerate=%s/1 ! '
                'x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%s bitrate=800 ! video/x-h264,profile=main ! '
                'rtph264pay name=pay0 pt=96 config-interval=1 )') % (pattern, w, h, fps, gop)
    if kind == 'h265':
        (size,) = parts(spec, ['320x240'])
        w, h = size.split('x')
        return ('( videotestsrc is-live=true ! video/x-raw,width=%s,height=%s,framerate=10/1 ! '
                'x265enc tune=zerolatency speed-preset=ultrafast ! rtph265pay name=pay0 pt=96 config-interval=1 )') % (w, h)
    if kind == 'mjpeg':
        (size,) = parts(spec, ['320x240'])
        w, h = size.split('x')
        return ('( videotestsrc is-live=true ! video/x-raw,width=%s,height=%s,framerate=10/1 ! jpegenc ! '
                'rtpjpegpay name=pay0 pt=26 )') % (w, h)
    if kind == 'loop':
        path = spec[len('loop:'):]
        return ('( multifilesrc location="%s" loop=true caps="video/x-h264,stream-format=byte-stream,framerate=25/1" ! '
                'h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )') % path
    if kind == 'loopfps':
        _, fps, path = spec.split(':', 2)
        return ('( multifilesrc location="%s" loop=true caps="video/x-h264,stream-format=byte-stream,framerate=%s/1" ! '
                'h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )') % (path, int(fps))
    if kind == 'udp':
        (port,) = parts(spec, ['5004'])
        return ('( udpsrc port=%s caps="application/x-rtp,media=video,clock-rate=90000,encoding-name=H264,payload=96" ! '
                'rtpjitterbuffer latency=0 ! rtph264depay ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )') % port
    raise SystemExit('unknown mount spec: %s' % spec)


def watch_stdin(loop):
    def on_input(_channel, condition):
        if condition & (GLib.IO_HUP | GLib.IO_ERR):
            loop.quit()
            return False
        if not os.read(0, 4096):
            loop.quit()
            return False
        return True
    GLib.io_add_watch(GLib.IOChannel.unix_new(0), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, on_input)


def main():
    exit_with_stdin = '--exit-with-stdin' in sys.argv
    if exit_with_stdin:
        sys.argv.remove('--exit-with-stdin')
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    server = GstRtspServer.RTSPServer()
    server.set_address('127.0.0.1')
    server.set_service(sys.argv[1])
    mounts = server.get_mount_points()
    for arg in sys.argv[2:]:
        path, spec = arg.split('=', 1)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(launch_for(spec))
        # One encoder per mount however many clients connect, like a real camera.
        factory.set_shared(True)
        mounts.add_factory('/' + path.lstrip('/'), factory)
    if server.attach(None) == 0:
        raise SystemExit('cannot listen on port %s' % sys.argv[1])
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    if exit_with_stdin:
        watch_stdin(loop)
    print('READY %s' % server.get_bound_port(), flush=True)
    loop.run()


main()
