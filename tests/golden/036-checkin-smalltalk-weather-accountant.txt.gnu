corpus/036-checkin-smalltalk-weather-accountant.txt:3:1: warning: The note does not thank the reader: add a sentence that thanks them for their time or for something specific ("Thank you for walking me through the new intake process"). [FollowUp.Gratitude]
corpus/036-checkin-smalltalk-weather-accountant.txt:3:1: warning: 'Can you believe this weather' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
corpus/036-checkin-smalltalk-weather-accountant.txt:7:1: warning: 'Stay warm out there' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
# exit 0
