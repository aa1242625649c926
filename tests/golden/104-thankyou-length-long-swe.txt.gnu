corpus/104-thankyou-length-long-swe.txt:5:1: warning: This reads as a thank-you note and its body has 244 words; keep it to 200 words or fewer: cut the repeated thanks, the background the reader already knows and anything that belongs in a call. [FollowUp.Length]
# exit 0
