#!/bin/sh
# app.sh: what the seeds' app.py prints, in the shell the base image has.
echo "$GREETING"
echo "built on $(cat /app/built-on), running as $(id -un) in $(pwd)"
