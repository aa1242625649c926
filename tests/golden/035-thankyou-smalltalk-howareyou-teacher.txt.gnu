corpus/035-thankyou-smalltalk-howareyou-teacher.txt:3:1: warning: 'How are you' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
corpus/035-thankyou-smalltalk-howareyou-teacher.txt:3:14: warning: 'Happy Friday' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
# exit 0
