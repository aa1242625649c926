
# exit 0
