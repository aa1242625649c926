corpus/072-thankyou-shouting-honestly-teacher.txt:3:64: warning: 'HONESTLY' is written in capitals for emphasis, which reads as shouting; write it in lower case and let the sentence carry the weight. [FollowUp.Shouting]
# exit 0
