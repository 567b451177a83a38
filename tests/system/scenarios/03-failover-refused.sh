#!/bin/bash
# Scenario 3 — failover: nothing listens on the primary portal (127.0.0.1:3261, connection refused),
# the alternative is healthy. connect attaches through the alternative.
source "$TB_DIR/guest/lib.sh"
failover_body "$P_REFUSED"
finish
