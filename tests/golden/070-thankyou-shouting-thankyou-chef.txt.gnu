corpus/070-thankyou-shouting-thankyou-chef.txt:3:1: warning: 'THANK YOU SO MUCH' is written in capitals for emphasis, which reads as shouting; write it in lower case and let the sentence carry the weight. [FollowUp.Shouting]
# exit 0
