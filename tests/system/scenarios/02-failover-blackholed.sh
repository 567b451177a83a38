#!/bin/bash
# Scenario 2 — failover: the primary portal (127.0.0.3) silently drops every packet (nft), the
# alternative portal is healthy. connect attaches through the alternative and reports the time it
# lost on the dead portal (bounded by --login-timeout 2).
source "$TB_DIR/guest/lib.sh"
blackhole_on 127.0.0.3
failover_body "$P3"
blackhole_off
finish
