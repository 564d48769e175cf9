#!/bin/sh
# The default --@corolint//:binary: the corolint on PATH of the machine that
# runs the action. Set the flag to a corolint the build knows for hermetic,
# remotely executed and remotely cached results.
exec corolint "$@"
