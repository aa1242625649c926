corpus/076-checkin-repeat-i-i-cpa.txt:3:1: error: 'I' is written twice in a row; delete one. [FollowUp.RepeatedWord]
# exit 1
