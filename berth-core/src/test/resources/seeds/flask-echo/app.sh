echo "serving $FLASK_APP on $FLASK_RUN_PORT"
cat site-packages/installed.txt
