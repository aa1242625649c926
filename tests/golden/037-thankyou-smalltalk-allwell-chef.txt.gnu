corpus/037-thankyou-smalltalk-allwell-chef.txt:3:1: warning: 'I hope all is well' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
# exit 0
