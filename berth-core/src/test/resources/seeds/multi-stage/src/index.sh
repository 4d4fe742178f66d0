echo "built by the build stage"
ls /app
