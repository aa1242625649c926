corpus/071-checkin-shouting-really-sales.txt:3:53: warning: 'REALLY' is written in capitals for emphasis, which reads as shouting; write it in lower case and let the sentence carry the weight. [FollowUp.Shouting]
corpus/071-checkin-shouting-really-sales.txt:3:99: warning: 'DREAM' is written in capitals for emphasis, which reads as shouting; write it in lower case and let the sentence carry the weight. [FollowUp.Shouting]
# exit 0
