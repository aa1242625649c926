corpus/069-thankyou-shouting-very-nurse.txt:3:63: warning: 'VERY' is written in capitals for emphasis, which reads as shouting; write it in lower case and let the sentence carry the weight. [FollowUp.Shouting]
# exit 0
