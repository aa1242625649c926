corpus/073-nudge-shouting-still-electrician.txt:3:77: warning: 'STILL' is written in capitals for emphasis, which reads as shouting; write it in lower case and let the sentence carry the weight. [FollowUp.Shouting]
# exit 0
