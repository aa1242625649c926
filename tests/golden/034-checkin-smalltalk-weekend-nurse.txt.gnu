corpus/034-checkin-smalltalk-weekend-nurse.txt:3:1: warning: 'Hope you had a great weekend' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
# exit 0
